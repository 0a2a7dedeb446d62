import type { Locator, Page } from '@playwright/test';

/** The TF Serving predict exchange the Model panel shows for the digits on the pad. */
export interface ServingExchange {
  request: { inputs: number[][] };
  response: { outputs: number[][] };
}

/** The Model panel (closed by default): the model's signature, its live tensors, its outputs. */
export class ModelPanel {
  readonly tensors: Locator;
  /** The raw outputs as TF Serving would have answered (JSON), for the digits on the pad. */
  readonly rawOutputs: Locator;

  constructor(private readonly page: Page) {
    this.tensors = page.getByTestId('tensor-count');
    this.rawOutputs = page.getByTestId('raw-outputs');
  }

  /** Opens the panel as a person would, by clicking its title. */
  async open(): Promise<void> {
    await this.page.getByText('Model', { exact: true }).click();
  }

  /** Shows the raw request and response (the panel must be open) and reads both. */
  async rawExchange(): Promise<ServingExchange> {
    await this.page.getByRole('button', { name: 'Show raw request and response' }).click();
    return {
      request: JSON.parse(await this.page.getByLabel(/Request body/).inputValue()),
      response: JSON.parse(await this.rawOutputs.inputValue()),
    };
  }

  /** The live tensor count the panel shows (read from the DOM: the panel may stay closed). */
  async tensorCount(): Promise<number> {
    return Number(await this.tensors.textContent());
  }
}
