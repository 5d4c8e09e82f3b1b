package org.sitrep.analysis.training;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.GenericModelWriter;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * How both learned slots are fitted: OpenNLP maxent with Gaussian smoothing on one thread, so the same examples in
 * the same order always give the same bytes (the model's digest is part of the engine version).
 */
final class MaxentFit {
    private MaxentFit() {}

    /** The model's bytes, as {@code GenericModelReader} reads them; {@code what} names it in an error. */
    static byte[] fit(List<Event> examples, int iterations, double sigma, String what) {
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
        params.put(TrainingParameters.ITERATIONS_PARAM, iterations);
        params.put(TrainingParameters.CUTOFF_PARAM, 1);
        params.put(TrainingParameters.THREADS_PARAM, 1);
        params.put("GaussianSmoothing", true);
        params.put("GaussianSmoothingSigma", sigma);
        params.put("PrintMessages", false);
        try {
            EventTrainer trainer = TrainerFactory.getEventTrainer(params, null);
            MaxentModel model = trainer.train(ObjectStreamUtils.createObjectStream(examples));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                new GenericModelWriter((AbstractModel) model, out).persist();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("training the " + what + " failed", e);
        }
    }
}
