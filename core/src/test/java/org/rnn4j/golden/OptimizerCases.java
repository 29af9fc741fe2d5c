package org.rnn4j.golden;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.rnn4j.nn.Parameter;
import org.rnn4j.optim.Adagrad;
import org.rnn4j.optim.Adam;
import org.rnn4j.optim.AdamW;
import org.rnn4j.optim.Optimizer;
import org.rnn4j.optim.RMSprop;
import org.rnn4j.optim.SGD;
import org.rnn4j.tensor.Tensor;

/**
 * Kind {@code optimizer}: one optimizer over the params in {@code param_order}; for step k the
 * gradients {@code inputs.grads_per_step[k]} are set (a parameter missing there has no gradient),
 * {@code step()} runs, and every parameter is compared with {@code outputs.params_after_step[k]}.
 */
final class OptimizerCases {
    private OptimizerCases() {
    }

    static void run(GoldenCase c) {
        List<String> names = c.paramOrder();
        List<Parameter> params = new ArrayList<>();
        for (String n : names) {
            params.add(new Parameter(c.tensor("params", n).copy()));
        }
        Optimizer opt = build(c, params);
        JsonNode gradsPerStep = c.section("inputs").path("grads_per_step");
        JsonNode after = c.section("outputs").path("params_after_step");
        if (!gradsPerStep.isArray() || gradsPerStep.size() == 0 || gradsPerStep.size() != after.size()) {
            throw new AssertionError(c.name() + ": expected matching non-empty grads_per_step / params_after_step, got "
                    + gradsPerStep.size() + " and " + after.size());
        }
        for (int k = 0; k < gradsPerStep.size(); k++) {
            for (int i = 0; i < names.size(); i++) {
                JsonNode g = gradsPerStep.get(k).get(names.get(i));
                Parameter p = params.get(i);
                if (g == null || g.isNull()) {
                    p.clearGrad(); // grad None: the optimizer skips it
                } else {
                    p.gradBuffer().copyFrom(GoldenCase.tensor(g));
                }
            }
            opt.step();
            for (int i = 0; i < names.size(); i++) {
                Tensor expected = GoldenCase.tensor(after.get(k).get(names.get(i)));
                Compare.close(c, "params_after_step[" + k + "]." + names.get(i), expected, params.get(i).value(),
                        Tolerance.OPTIM);
            }
        }
    }

    /** The optimizer named by {@code module}, every config key interpreted (unknown keys fail). */
    static Optimizer build(GoldenCase c, List<Parameter> params) {
        return build(c, c.module(), new ConfigReader(c), params);
    }

    /** The optimizer {@code module} with the hyper-parameters {@code r} reads (every key interpreted). */
    static Optimizer build(GoldenCase c, String module, ConfigReader r, List<Parameter> params) {
        r.implementationFlags();
        Optimizer opt = switch (module) {
            case "SGD" -> new SGD(params, new SGD.Options(r.num("lr"), r.num("momentum", 0), r.num("dampening", 0),
                    r.num("weight_decay", 0), r.bool("nesterov", false), r.bool("maximize", false)));
            case "Adam", "AdamW" -> {
                Adam.Options d = module.equals("Adam") ? Adam.Options.defaults() : AdamW.defaults();
                double[] betas = betas(c, r.node("betas"), d);
                Adam.Options o = new Adam.Options(r.num("lr", d.lr()), betas[0], betas[1], r.num("eps", d.eps()),
                        r.num("weight_decay", d.weightDecay()), r.bool("amsgrad", false), r.bool("maximize", false));
                yield module.equals("Adam") ? new Adam(params, o) : new AdamW(params, o);
            }
            case "RMSprop" -> {
                RMSprop.Options d = RMSprop.Options.defaults();
                yield new RMSprop(params, new RMSprop.Options(r.num("lr", d.lr()), r.num("alpha", d.alpha()),
                        r.num("eps", d.eps()), r.num("weight_decay", 0), r.num("momentum", 0),
                        r.bool("centered", false), r.bool("maximize", false)));
            }
            case "Adagrad" -> {
                Adagrad.Options d = Adagrad.Options.defaults();
                yield new Adagrad(params, new Adagrad.Options(r.num("lr", d.lr()), r.num("lr_decay", 0),
                        r.num("weight_decay", 0), r.num("initial_accumulator_value", 0), r.num("eps", d.eps()),
                        r.bool("maximize", false)));
            }
            default -> throw new AssertionError(c.name() + ": unknown optimizer module " + module);
        };
        r.requireAllRead();
        return opt;
    }

    private static double[] betas(GoldenCase c, JsonNode n, Adam.Options d) {
        if (n == null) {
            return new double[] {d.beta1(), d.beta2()};
        }
        if (!n.isArray() || n.size() != 2) {
            throw new AssertionError(c.name() + ": config.betas must be a pair, got " + n);
        }
        return new double[] {n.get(0).asDouble(), n.get(1).asDouble()};
    }
}
