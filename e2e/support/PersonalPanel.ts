import { expect, type Locator, type Page } from '@playwright/test';

/** "Learns your handwriting": the examples kept on the device, and the buttons that add them. */
export class PersonalPanel {
  /** How many examples of the person's handwriting are kept on the device. */
  readonly count: Locator;
  readonly notice: Locator;

  /** `waitForReading` waits until the digit on the pad is read: only then can it be kept. */
  constructor(
    private readonly page: Page,
    private readonly wait: { timeout?: number },
    private readonly waitForReading: () => Promise<void>,
  ) {
    this.count = page.getByTestId('personal-count');
    this.notice = page.getByTestId('personal-notice');
  }

  /** Says, through "Not right?", that the drawing on the pad is `digit`; waits until it is kept. */
  async correctAs(digit: number): Promise<void> {
    const before = await this.keptCount();
    await this.waitForReading();
    await this.page.getByTestId('correct').click();
    await this.page.getByTestId(`correct-${digit}`).click();
    await expect(this.count).toHaveText(String(before + 1), this.wait);
  }

  /** Says, through "Right", that the digit read is the right one; waits until it is kept. */
  async confirmReading(): Promise<void> {
    const before = await this.keptCount();
    await this.waitForReading();
    await this.page.getByTestId('confirm').click();
    await expect(this.count).toHaveText(String(before + 1), this.wait);
  }

  /** The number of kept examples shown. */
  async keptCount(): Promise<number> {
    return Number(await this.count.textContent());
  }

  /** "Forget my handwriting", confirmed; waits until nothing is kept. */
  async forget(): Promise<void> {
    await this.page.getByTestId('forget').click();
    await this.page.getByTestId('forget-confirm').click();
    await expect(this.count).toHaveText('0', this.wait);
  }
}
