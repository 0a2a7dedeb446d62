import { useState } from 'react';
import type { Classifier, Prediction } from '../model/classifier';
import type { ServingTensorInfo } from '../model/modelFormat';
import type { ServingTexts } from '../usermodel/servingTexts';
import './usermodel/userModel.css';

/**
 * The original TF Serving contract, kept reachable: the signature as
 * `GET /v1/models/mnist/metadata` reported it, the batched predict request body for the digits
 * on the pad (one 784-value row each), and the answer the server would have given. With a
 * person's model loaded, its metadata and the request body with the tensor it was fed.
 */
export function ModelInfo({
  classifier,
  inputs,
  predictions,
  serving,
}: {
  classifier: Classifier | null;
  inputs: readonly Float32Array[];
  predictions: readonly Prediction[];
  serving: ServingTexts;
}) {
  const [copyStatus, setCopyStatus] = useState('');
  const [showOutputs, setShowOutputs] = useState(false);
  const metadata = classifier?.metadata;
  const signature = metadata?.signature_def.serving_default;
  const request =
    inputs.length > 0
      ? JSON.stringify({ inputs: inputs.map((input) => Array.from(input, round)) })
      : '';

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(request);
      setCopyStatus('Copied the request body.');
    } catch {
      setCopyStatus('Copying is not allowed here; select the text below instead.');
      setShowOutputs(true);
    }
  };

  return (
    <details className="model-info">
      <summary>Model</summary>
      {!classifier || !metadata || !signature ? (
        <p>{classifier ? 'This model carries no description.' : 'The model is not loaded.'}</p>
      ) : (
        <>
          <table>
            <tbody>
              {Object.entries(signature.inputs).map(([name, t]) => (
                <SignatureRow key={name} role="Input" name={name} tensor={t} />
              ))}
              {Object.entries(signature.outputs).map(([name, t]) => (
                <SignatureRow key={name} role="Output" name={name} tensor={t} />
              ))}
              <tr>
                <th scope="row">Parameters</th>
                <td>{metadata.parameterCount.toLocaleString('en')}</td>
              </tr>
              <tr>
                <th scope="row">Size</th>
                <td>{(classifier.modelBytes / 1024).toFixed(1)} KiB</td>
              </tr>
              <tr>
                <th scope="row">MNIST test accuracy</th>
                <td>{(metadata.accuracy.mnistTest * 100).toFixed(2)}%</td>
              </tr>
              <tr>
                <th scope="row">Tensors in memory</th>
                <td data-testid="tensor-count">{classifier.numTensors()}</td>
              </tr>
              {metadata.accuracy.heldOutWriters !== undefined && (
                <tr>
                  <th scope="row">Unseen pen writers</th>
                  <td>{(metadata.accuracy.heldOutWriters * 100).toFixed(2)}%</td>
                </tr>
              )}
            </tbody>
          </table>
          <div className="model-info__actions">
            <button type="button" onClick={copy} disabled={inputs.length === 0}>
              Copy predict request
            </button>
            <button
              type="button"
              onClick={() => setShowOutputs((s) => !s)}
              aria-expanded={showOutputs}
            >
              {showOutputs ? 'Hide' : 'Show'} raw request and response
            </button>
            <span role="status">{copyStatus}</span>
          </div>
          {showOutputs && (
            <div className="model-info__raw">
              <label>
                Request body (POST /v1/models/mnist:predict)
                <textarea readOnly value={request} rows={3} />
              </label>
              <label>
                Response
                <textarea
                  readOnly
                  data-testid="raw-outputs"
                  rows={2}
                  value={
                    predictions.length > 0
                      ? JSON.stringify({ outputs: predictions.map((p) => p.logits) })
                      : ''
                  }
                />
              </label>
            </div>
          )}
        </>
      )}
      <ServingExchange serving={serving} />
    </details>
  );
}

/** The metadata of the model compared, and the request body of a person's model. */
function ServingExchange({ serving }: { serving: ServingTexts }) {
  const yours = serving.of === 'yours';
  if (!serving.signature) return null;
  return (
    <section className="model-info__serving" aria-label="TF Serving metadata">
      <h3>
        {yours ? 'Your model' : 'This model'}: <code>GET /v1/models/mnist/metadata</code>
      </h3>
      <pre data-testid="signature">{serving.signature}</pre>
      {serving.requestBody !== null && (
        <>
          <h3>
            Your model, the chosen digit as fed to it: <code>POST /v1/models/mnist:predict</code>
          </h3>
          <pre data-testid="request-body">{serving.requestBody}</pre>
        </>
      )}
    </section>
  );
}

function SignatureRow({
  role,
  name,
  tensor,
}: {
  role: string;
  name: string;
  tensor: ServingTensorInfo;
}) {
  const shape = tensor.tensor_shape.dim.map((d) => d.size).join(', ');
  return (
    <tr>
      <th scope="row">{role}</th>
      <td>
        <code>{name}</code> {tensor.dtype}, shape [{shape}]
      </td>
    </tr>
  );
}

/** Six decimals are plenty for 8-bit-ish pixel values and keep the request readable. */
const round = (v: number) => Math.round(v * 1e6) / 1e6;
