/**
 * The library's root: {@link org.rnn4j.Version}, the version of rnn4j that wrote a model file.
 * Everything else lives in the sub-packages; the module description lists which ones are API.
 */
package org.rnn4j;
