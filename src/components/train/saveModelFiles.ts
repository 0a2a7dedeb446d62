import type { TrainedModelFiles } from '../../train/trainProtocol';
import { downloadableModelJson, MODEL_FILE, weightsFileName } from './modelDownload';

/** Saves model.json and its weights as two downloads (Blob URLs, freed once clicked). */
export function saveModelFiles(files: TrainedModelFiles, when = new Date()): void {
  const weights = weightsFileName(files, when);
  const saves: [string, Blob][] = [
    [MODEL_FILE, new Blob([downloadableModelJson(files, weights)], { type: 'application/json' })],
    [weights, new Blob([files.weightData], { type: 'application/octet-stream' })],
  ];
  for (const [name, blob] of saves) {
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.click();
    // Freed a moment later: revoked at once, some browsers cancel the download.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
