/** On-site consent (现场授权): granting, revoking, and the checks retrieval relies on. */
package org.mianzheng.core.consent;
