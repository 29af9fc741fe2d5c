package org.rnn4j.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.rnn4j.rand.Rng;

class RandomTensorTest {

    @Test
    void randnIsSeededAndStandardNormal() {
        Tensor a = Tensor.randn(new Rng(7), 200, 100);
        assertEquals(Shape.of(200, 100), a.shape());
        assertArrayEquals(a.data(), Tensor.randn(new Rng(7), 200, 100).data()); // same seed, same bits
        assertFalse(Arrays.equals(a.data(), Tensor.randn(new Rng(8), 200, 100).data()));
        double sum = 0;
        double sq = 0;
        for (float v : a.data()) {
            sum += v;
            sq += v * v;
        }
        double mean = sum / a.size();
        double var = sq / a.size() - mean * mean;
        assertEquals(0.0, mean, 0.03); // 20 000 samples: standard error of the mean 0.007
        assertEquals(1.0, var, 0.05);
    }

    @Test
    void randIsSeededAndInTheHalfOpenUnitInterval() {
        Tensor u = Tensor.rand(new Rng(3), 4, 5000);
        assertEquals(Shape.of(4, 5000), u.shape());
        assertArrayEquals(u.data(), Tensor.rand(new Rng(3), 4, 5000).data());
        double sum = 0;
        float min = 1;
        float max = 0;
        for (float v : u.data()) {
            assertTrue(v >= 0f && v < 1f, "outside [0, 1): " + v);
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(0.5, sum / u.size(), 0.01);
        assertTrue(min < 0.001f && max > 0.999f);
    }

    @Test
    void scalarsAndEmptyShapesWork() {
        assertEquals(Shape.scalar(), Tensor.randn(new Rng(1)).shape());
        assertEquals(0, Tensor.rand(new Rng(1), 3, 0).size());
        assertThrows(IllegalArgumentException.class, () -> Tensor.rand(new Rng(1), -1));
    }
}
