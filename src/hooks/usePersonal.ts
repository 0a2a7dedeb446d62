import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { Classifier, Prediction } from '../model/classifier';
import { adaptPrediction } from '../personal/adaptPrediction';
import { measured } from '../personal/measured';
import {
  createPersonalSession,
  type PersonalSession,
  type PersonalState,
} from '../personal/personalSession';

export interface Personal extends PersonalState {
  /** What the page shows for a digit's prediction, given the kept examples. */
  adapt(prediction: Prediction): Prediction;
  record: PersonalSession['record'];
  forget: PersonalSession['forget'];
}

/**
 * The examples kept on this device for the classifier's model, and how they adapt a digit's
 * prediction. Each adaptation is a User Timing measure named 'adapt'.
 */
export function usePersonal(classifier: Classifier | null): Personal {
  const [session] = useState(() => createPersonalSession());
  const state = useSyncExternalStore(session.subscribe, session.getState);
  const model = classifier ? modelId(classifier) : null;
  useEffect(() => (model ? session.start(model) : undefined), [session, model]);
  const calibration = classifier?.metadata?.calibration;
  const adapt = useCallback(
    (raw: Prediction) =>
      state.memory.size > 0
        ? measured('adapt', () => adaptPrediction(raw, state.memory, calibration))
        : raw,
    [state.memory, calibration],
  );
  return { ...state, adapt, record: session.record, forget: session.forget };
}

/** Kept logits fit one model: its architecture and training date name it. */
function modelId({ metadata }: Classifier): string {
  return metadata ? `${metadata.architecture} ${String(metadata.training.date ?? '')}` : 'unknown';
}
