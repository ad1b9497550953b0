/** The misuse guard (Art. 11(7)): violations recorded, refused or flagged; bulk-harvesting and office-hours checks. */
package org.mianzheng.core.guard;
