/**
 * ONNX files in and out: {@link org.rnn4j.onnx.OnnxExport} writes rnn4j's models as ONNX graphs
 * (opset 17, the recurrent layers as ONNX {@code LSTM} / {@code GRU} / {@code RNN} nodes with
 * PyTorch's gate orders converted), {@link org.rnn4j.onnx.OnnxImport} reads recurrent models back
 * into a model folder. The protobuf wire format is written and read by two small classes of this
 * package; nothing here needs a native library.
 */
package org.rnn4j.onnx;
