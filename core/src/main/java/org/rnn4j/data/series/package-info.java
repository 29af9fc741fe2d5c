/**
 * Time series for forecasting: {@link org.rnn4j.data.series.Series} read from CSV by
 * {@link org.rnn4j.data.series.SeriesCsv}, split by time ({@link org.rnn4j.data.series.TimeSplit}),
 * scaled on the training part ({@link org.rnn4j.data.series.Scaling}), cut into windows
 * ({@link org.rnn4j.data.series.Windows}), and scored: the accuracy measures of
 * {@link org.rnn4j.data.series.Metrics} (MAE, RMSE, MASE, ...) and rolling-origin
 * {@link org.rnn4j.data.series.Backtest}s against the classical baselines.
 */
package org.rnn4j.data.series;
