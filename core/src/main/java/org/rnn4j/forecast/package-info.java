/**
 * The forecasting job the {@code rnn4j forecast} commands run: a
 * {@link org.rnn4j.forecast.RecurrentForecaster} (a seeded ensemble of recurrent networks whose forecast is
 * mixed with the classical {@link org.rnn4j.forecast.Theta} and seasonal-naive forecasts) trained by
 * {@link org.rnn4j.forecast.ForecastTrainer} from {@link org.rnn4j.forecast.ForecastSettings}, and
 * saved and loaded as a model folder by {@link org.rnn4j.forecast.ForecastModelFiles}.
 */
package org.rnn4j.forecast;
