/** Cases (办件) and voluntary paper submissions (Art. 4). */
package org.mianzheng.core.cases;
