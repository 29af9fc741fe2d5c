package org.rnn4j.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs an ONNX file in ONNX Runtime: named inputs in, every output as a float array. */
final class Ort implements AutoCloseable {
    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final Map<String, OnnxTensor> inputs = new LinkedHashMap<>();

    Ort(byte[] model) throws OrtException {
        session = ENV.createSession(model, new OrtSession.SessionOptions());
    }

    Ort floats(String name, float[] v, long... shape) throws OrtException {
        inputs.put(name, OnnxTensor.createTensor(ENV, FloatBuffer.wrap(v), shape));
        return this;
    }

    Ort ints(String name, int[] v, long... shape) throws OrtException {
        inputs.put(name, OnnxTensor.createTensor(ENV, IntBuffer.wrap(v), shape));
        return this;
    }

    Ort longs(String name, long[] v, long... shape) throws OrtException {
        inputs.put(name, OnnxTensor.createTensor(ENV, LongBuffer.wrap(v), shape));
        return this;
    }

    /** Runs with the inputs given so far (then forgets them). */
    Map<String, float[]> run() throws OrtException {
        Map<String, float[]> out = new LinkedHashMap<>();
        try (OrtSession.Result r = session.run(inputs)) {
            for (Map.Entry<String, OnnxValue> e : r) {
                FloatBuffer b = ((OnnxTensor) e.getValue()).getFloatBuffer();
                float[] v = new float[b.remaining()];
                b.get(v);
                out.put(e.getKey(), v);
            }
        } finally {
            inputs.values().forEach(OnnxTensor::close);
            inputs.clear();
        }
        return out;
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }

    static float maxAbsDiff(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new AssertionError("lengths differ: " + a.length + " and " + b.length);
        }
        float m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
