/**
 * The onewindow client: {@link org.mianzheng.onewindow.OneWindowClient} implements
 * {@link org.mianzheng.api.spi.LicenseSource}; {@link org.mianzheng.onewindow.OneWindowProfile} holds every path,
 * field name and status code of the platform, loaded from JSON (the reference profile ships as
 * {@code org/mianzheng/onewindow/default-profile.json}; a provincial variant lists only what differs).
 */
package org.mianzheng.onewindow;
