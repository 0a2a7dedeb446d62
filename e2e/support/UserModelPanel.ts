import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

/** What the page says of a loaded model (the user-model element's data attributes). */
export interface LoadedModel {
  format: string;
  inputShape: string;
  output: string;
}

/**
 * "Your model": a converted tfjs model the person loads beside the shipped one (file picker,
 * `?model=`), its answer and bars, its TF Serving metadata and request body in the Model panel.
 */
export class UserModelPanel {
  readonly fileInput: Locator;
  /** The model's state: data-state loading|ready|error, data-format, data-input-shape... */
  readonly status: Locator;
  readonly error: Locator;
  readonly convention: Locator;
  readonly notice: Locator;
  /** Its answer beside the shipped model's: data-state, data-digit, data-value, data-ms. */
  readonly prediction: Locator;
  readonly signature: Locator;
  readonly requestBody: Locator;

  constructor(
    private readonly page: Page,
    private readonly wait: { timeout?: number },
  ) {
    this.fileInput = page.getByTestId('model-file');
    this.status = page.getByTestId('user-model');
    this.error = page.getByTestId('user-model-error');
    this.convention = page.getByTestId('user-convention');
    this.notice = page.getByTestId('user-model-notice');
    this.prediction = page.getByTestId('user-prediction');
    this.signature = page.getByTestId('signature');
    this.requestBody = page.getByTestId('request-body');
  }

  /** Picks every file of a model folder (model.json and its shards) in the file input. */
  async pickFolder(dir: string): Promise<void> {
    await this.fileInput.setInputFiles(readdirSync(dir).map((file) => join(dir, file)));
  }

  /** Drops every file of a model folder on `target` (the panel, or the pad), as a drag would. */
  async dropFolder(dir: string, target: Locator): Promise<void> {
    const files = readdirSync(dir).map((name) => ({
      name,
      bytes: readFileSync(join(dir, name)).toString('base64'),
    }));
    const dataTransfer = await this.page.evaluateHandle((files) => {
      const transfer = new DataTransfer();
      for (const { name, bytes } of files) {
        const data = Uint8Array.from(atob(bytes), (c) => c.charCodeAt(0));
        transfer.items.add(new File([data], name));
      }
      return transfer;
    }, files);
    await target.dispatchEvent('dragover', { dataTransfer });
    await target.dispatchEvent('drop', { dataTransfer });
  }

  /** Waits until a model is ready and says what the page made of it. */
  async waitForReady(): Promise<LoadedModel> {
    await expect(this.status).toHaveAttribute('data-state', 'ready', this.wait);
    const attribute = async (name: string) => (await this.status.getAttribute(name)) ?? '';
    return {
      format: await attribute('data-format'),
      inputShape: await attribute('data-input-shape'),
      output: await attribute('data-output'),
    };
  }

  /** Waits until loading failed; the message shown. */
  async waitForError(): Promise<string> {
    await expect(this.status).toHaveAttribute('data-state', 'error', this.wait);
    return (await this.error.textContent()) ?? '';
  }

  /** Waits until its answer is this drawing's: the digit it reads (the chosen one). */
  async waitForAnswer(): Promise<number> {
    await expect(this.prediction).toHaveAttribute('data-state', 'done', this.wait);
    return Number(await this.prediction.getAttribute('data-digit'));
  }

  /** The ten probabilities of its bars, digit 0 first. */
  async probabilities(): Promise<number[]> {
    return Promise.all(
      Array.from({ length: 10 }, async (_, d) =>
        Number(await this.page.getByTestId(`user-score-${d}`).getAttribute('data-probability')),
      ),
    );
  }

  /** The tensor the page fed the model for the chosen digit (the request body's `inputs`). */
  async fedTensor(): Promise<unknown> {
    const body = JSON.parse((await this.requestBody.textContent()) ?? '') as { inputs: unknown };
    return body.inputs;
  }

  /** The latency shown for its reading and the shipped model's, in ms. */
  async latencies(): Promise<{ yours: number; shipped: number }> {
    return {
      yours: Number(await this.prediction.getAttribute('data-ms')),
      shipped: Number(await this.prediction.getAttribute('data-shipped-ms')),
    };
  }

  /** The convention chosen in the one control (its option's value). */
  async chosenConvention(): Promise<string> {
    return this.convention.inputValue();
  }

  async chooseConvention(value: string): Promise<void> {
    await this.convention.selectOption(value);
  }

  /** Keeps the model on the device; waits until the page says it is kept. */
  async keep(): Promise<void> {
    await this.page.getByTestId('user-model-keep').click();
    await expect(this.status).toHaveAttribute('data-kept', 'true', this.wait);
  }

  /** Unloads the model and removes the kept copy; waits until it is gone. */
  async remove(): Promise<void> {
    await this.page.getByTestId('user-model-remove').click();
    await expect(this.status).toHaveCount(0, this.wait);
  }
}
