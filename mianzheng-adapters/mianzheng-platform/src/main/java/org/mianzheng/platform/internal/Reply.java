package org.mianzheng.platform.internal;

import java.net.http.HttpHeaders;

/**
 * An HTTP answer whose body was read within the size limit.
 *
 * @param status HTTP status
 * @param headers headers
 * @param body   body
 */
public record Reply(int status, HttpHeaders headers, byte[] body) {
}
