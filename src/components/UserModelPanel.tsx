import { useState } from 'react';
import type { UserModelHandle } from '../hooks/useUserModel';
import { useFileDrop } from '../hooks/useFileDrop';
import { UserModelStatus } from './usermodel/UserModelStatus';
import './usermodel/userModel.css';

/**
 * "Your model": a tfjs model the person converted (model.json and its weight files, picked or
 * dropped here), run beside the shipped one; its state, the convention it is fed with, Keep on
 * this device and Remove. Opens by itself while a model is loaded or failed.
 */
export function UserModelPanel({ user }: { user: UserModelHandle }) {
  const { state } = user;
  const drop = useFileDrop((files) => user.load({ kind: 'files', files }));
  const [toggled, setToggled] = useState<boolean | null>(null);
  const open = toggled ?? state.status !== 'none';
  return (
    <details
      className={`user-model-panel${drop.over ? ' user-model-panel--over' : ''}`}
      open={open}
      onToggle={(e) => setToggled(e.currentTarget.open)}
      {...drop.handlers}
    >
      <summary>Your model</summary>
      <p className="user-model-panel__intro">
        Run a model you converted with <code>tensorflowjs_converter</code> (graph or layers format)
        beside ours: choose its <code>model.json</code> together with its weight files, or drop them
        here or on the pad. They stay on this device.
      </p>
      <label className="user-model-panel__file">
        Model files{' '}
        <input
          type="file"
          multiple
          data-testid="model-file"
          onChange={(e) => {
            const files = Array.from(e.currentTarget.files ?? []);
            // Cleared, so picking the same files again loads them again.
            e.currentTarget.value = '';
            if (files.length > 0) user.load({ kind: 'files', files });
          }}
        />
      </label>
      {state.status !== 'none' && <UserModelStatus state={state} user={user} />}
      {state.notice && (
        <p className="user-model-panel__notice" role="status" data-testid="user-model-notice">
          {state.notice}
        </p>
      )}
    </details>
  );
}
