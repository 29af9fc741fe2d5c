package org.rnn4j.io.embeddings;

/**
 * Pretrained word-vector file formats.
 *
 * <ul>
 *   <li>{@link #GLOVE_TEXT}: one {@code word v1 … vd} line per word, no header; the dimension is
 *       taken from the first line.</li>
 *   <li>{@link #WORD2VEC_TEXT}: a {@code count dim} header line, then GloVe-style lines (fastText's
 *       {@code .vec} files too).</li>
 *   <li>{@link #WORD2VEC_BINARY}: a {@code count dim\n} header, then per word its UTF-8 bytes ended
 *       by a space and {@code dim} little-endian float32 values, optionally followed by a newline.</li>
 *   <li>{@link #AUTO}: binary if the name ends in {@code .bin} (or {@code .bin.gz}); otherwise a first
 *       line of exactly two integers means word2vec (binary if the bytes after it hold control
 *       characters, else text), anything else GloVe text.</li>
 * </ul>
 */
public enum EmbeddingsFormat {
    AUTO, GLOVE_TEXT, WORD2VEC_TEXT, WORD2VEC_BINARY
}
