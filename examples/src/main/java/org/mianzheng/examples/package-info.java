/**
 * Runnable examples. {@link org.mianzheng.examples.Main} is the project's main job; the others are small classes
 * each showing one task (embedding, see {@link org.mianzheng.examples.EmbeddingExample}).
 */
package org.mianzheng.examples;
