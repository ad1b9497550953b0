/**
 * The cityhub client: {@link org.mianzheng.cityhub.CityHubClient} implements
 * {@link org.mianzheng.api.spi.LicenseSource} and {@link org.mianzheng.api.spi.DirectedRequestChannel};
 * {@link org.mianzheng.cityhub.CityHubProfile} holds every path, field name and status code, loaded from JSON (the
 * reference profile ships as {@code org/mianzheng/cityhub/default-profile.json}; a variant lists only what differs).
 */
package org.mianzheng.cityhub;
