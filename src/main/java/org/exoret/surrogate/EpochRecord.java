package org.exoret.surrogate;

/**
 * One epoch of training.
 *
 * @param epoch 1-based epoch number
 * @param trainLoss mean squared error over the training split, normalised units
 * @param validationLoss mean squared error over the validation split, normalised units
 * @param learningRate learning rate at the end of the epoch
 * @param seconds wall-clock seconds since training began
 */
public record EpochRecord(int epoch, double trainLoss, double validationLoss, double learningRate, double seconds) {
}
