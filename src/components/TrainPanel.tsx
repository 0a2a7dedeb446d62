import { lazy, Suspense, useState } from 'react';
import type { TrainedModelFiles } from '../train/trainProtocol';
import type { PersonalExamples } from './train/trainSettings';
import './trainPanel.css';

const TrainPanelBody = lazy(() => import('./train/TrainPanelBody'));

/**
 * Train a network on MNIST here, off the main thread, and watch it learn (issue 26). The
 * panel's code (train/TrainPanelBody.tsx) loads when it first opens and its worker lives while
 * a run needs it; closing the panel frees it. The finished model can be used on the pad or
 * downloaded.
 */
export function TrainPanel({
  personalExamples,
  onUse,
}: {
  /** The drawings kept by "Learns your handwriting", offered as extra training data. */
  personalExamples: PersonalExamples | null;
  onUse: (files: TrainedModelFiles) => void;
}) {
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  return (
    <details
      className="train"
      data-testid="train"
      open={open}
      onToggle={(e) => {
        setOpen(e.currentTarget.open);
        if (e.currentTarget.open) setOpened(true);
      }}
    >
      <summary>Train</summary>
      {opened && (
        <Suspense fallback={<p role="status">Loading the Train panel…</p>}>
          <TrainPanelBody open={open} personalExamples={personalExamples} onUse={onUse} />
        </Suspense>
      )}
    </details>
  );
}
