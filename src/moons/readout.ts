// The numbers the demo prints beside its pictures, the same at build time and live.

export const formatLoss = (loss: number): string => (Number.isFinite(loss) ? loss.toFixed(4) : 'diverged');

export const formatAccuracy = (accuracy: number): string => `${Math.round(accuracy * 100)}%`;
