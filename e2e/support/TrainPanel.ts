import { join } from 'node:path';
import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** A state of the run, as train-progress's data-state says it (issue 26's test contract). */
export type TrainState =
  'idle' | 'downloading' | 'training' | 'paused' | 'done' | 'stopped' | 'error';

/** The Train panel (issue 26): a run's settings, its progress and result, kept MNIST. */
export class TrainPanel {
  readonly panel: Locator;
  readonly progress: Locator;
  /** The finished run: data-test-accuracy, data-tensors-left. */
  readonly result: Locator;
  /** "Keep MNIST for offline use". */
  readonly keepData: Locator;
  /** What is kept: data-kept-bytes. */
  readonly kept: Locator;
  readonly error: Locator;

  constructor(private readonly page: Page) {
    this.panel = page.getByTestId('train');
    this.progress = page.getByTestId('train-progress');
    this.result = page.getByTestId('train-result');
    this.keepData = page.getByTestId('train-keep-data');
    this.kept = page.getByTestId('train-kept');
    this.error = this.progress.getByRole('alert');
  }

  /** Opens the panel as a person would, by clicking its title. */
  async open(): Promise<void> {
    await this.panel.locator('summary').click();
    await expect(this.page.getByTestId('train-start')).toBeVisible();
  }

  /** The shortest run the panel offers: the tutorial's network, 1 epoch, 10,000 images. */
  async startQuickRun(): Promise<void> {
    await this.page.getByTestId('train-arch').selectOption('dense128');
    await this.page.getByTestId('train-epochs').fill('1');
    await this.page.getByTestId('train-quick').check();
    await this.page.getByTestId('train-start').click();
  }

  async waitForState(state: TrainState | RegExp, timeout?: number): Promise<void> {
    await expect(this.progress).toHaveAttribute('data-state', state, { timeout });
  }

  async stop(): Promise<void> {
    await this.page.getByTestId('train-stop').click();
    await this.waitForState('stopped');
  }

  async testAccuracy(): Promise<number> {
    return Number(await this.result.getAttribute('data-test-accuracy'));
  }

  async tensorsLeft(): Promise<number> {
    return Number(await this.result.getAttribute('data-tensors-left'));
  }

  /** Waits until the panel knows what is kept; the bytes kept. */
  async keptBytes(): Promise<number> {
    await expect(this.kept).toHaveAttribute('data-kept-bytes', /^\d+$/);
    return Number(await this.kept.getAttribute('data-kept-bytes'));
  }

  async dropKeptData(): Promise<void> {
    await this.page.getByTestId('train-drop-data').click();
    await expect(this.kept).toHaveAttribute('data-kept-bytes', '0');
  }

  /**
   * Clicks Download and saves what the browser downloads into `dir` under the names the page
   * gave (model.json and weights.bin, two downloads); their paths.
   */
  async download(dir: string, files = 2): Promise<string[]> {
    const downloads: Download[] = [];
    const take = (download: Download) => void downloads.push(download);
    this.page.on('download', take);
    try {
      await this.page.getByTestId('train-download').click();
      await expect.poll(() => downloads.length, { message: 'downloads started' }).toBe(files);
    } finally {
      this.page.off('download', take);
    }
    return Promise.all(
      downloads.map(async (download) => {
        const path = join(dir, download.suggestedFilename());
        await download.saveAs(path);
        return path;
      }),
    );
  }
}
