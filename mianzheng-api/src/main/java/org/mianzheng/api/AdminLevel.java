package org.mianzheng.api;

/** Administrative level of a department or service item within the city (Notice §1: city and district items only). */
public enum AdminLevel {
    /** 市级. */
    CITY,
    /** 区级. */
    DISTRICT
}
