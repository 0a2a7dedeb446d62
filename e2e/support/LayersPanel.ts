import { expect, type Locator, type Page } from '@playwright/test';

/** One layer of the Layers panel, as `LayersPanel.summaries` reads it. */
export interface LayerSummary {
  name: string;
  shape: string;
  canvases: number;
  painted: boolean;
  lit: boolean[];
  peaks: number[];
  fingerprint: number;
}

/** The Layers panel: closed by default; while open, one section per layer of the network. */
export class LayersPanel {
  /** The panel itself (a details element: its toggle). */
  readonly element: Locator;
  /** One element per layer, while the panel is open. */
  readonly layers: Locator;

  constructor(
    page: Page,
    private readonly wait: { timeout?: number },
  ) {
    this.element = page.getByTestId('layers');
    this.layers = page.getByTestId('layer');
  }

  /** Opens the panel as a person would, by clicking it (the click lands on its title). */
  async open(): Promise<void> {
    await this.element.click();
    await expect(this.element).toHaveAttribute('open', '', this.wait);
  }

  async close(): Promise<void> {
    await this.element.locator('summary').click();
    await expect(this.element).not.toHaveAttribute('open', '', this.wait);
  }

  /**
   * What the open panel shows, per layer: its name and shape, how many canvases it has,
   * whether every one of them is painted (opaque), which show any activation (a pixel above
   * black), the strongest activation each map's label states, and a fingerprint of its pixels.
   */
  async summaries(): Promise<LayerSummary[]> {
    return this.layers.evaluateAll((sections) =>
      sections.map((section) => {
        const canvases = [...section.querySelectorAll('canvas')];
        const pixels = canvases.map((canvas) => {
          const context = canvas.getContext('2d')!;
          return context.getImageData(0, 0, canvas.width, canvas.height).data;
        });
        let fingerprint = 0;
        for (const data of pixels) {
          for (let i = 0; i < data.length; i++) fingerprint = (fingerprint * 31 + data[i]!) % 1e9;
        }
        return {
          name: section.getAttribute('data-name') ?? '',
          shape: section.getAttribute('data-shape') ?? '',
          canvases: canvases.length,
          painted: pixels.every((data) => data.every((v, i) => i % 4 !== 3 || v === 255)),
          lit: pixels.map((data) => data.some((v, i) => i % 4 !== 3 && v > 0)),
          peaks: [...section.querySelectorAll('button[aria-label]')].map((b) =>
            Number(/strongest activation (-?[\d.]+)/.exec(b.getAttribute('aria-label')!)?.[1]),
          ),
          fingerprint,
        };
      }),
    );
  }
}
