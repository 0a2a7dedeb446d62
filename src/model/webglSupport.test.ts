import { describe, expect, it } from 'vitest';
import { isSoftwareRenderer, softwareRendererName } from './webglSupport';

// Renderer strings as browsers report them (WEBGL_debug_renderer_info), mostly through ANGLE.
const SOFTWARE = [
  'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
  'Google SwiftShader',
  'ANGLE (Mesa, llvmpipe (LLVM 15.0.6, 256 bits), OpenGL 4.5)',
  'llvmpipe (LLVM 12.0.0, 256 bits)',
  'Mesa softpipe',
  'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)',
  'Apple Software Renderer',
];
const GPU = [
  'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)',
  'ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)',
  'ANGLE (Apple, ANGLE Metal Renderer: Apple M1, Unspecified Version)',
  'Adreno (TM) 640',
  'Mali-G78',
  'ANGLE (AMD, AMD Radeon RX 6800 XT (0x000073BF) Direct3D11 vs_5_0 ps_5_0, D3D11)',
];

describe('isSoftwareRenderer', () => {
  it.each(SOFTWARE)('%s is software', (renderer) => {
    expect(isSoftwareRenderer(renderer)).toBe(true);
  });
  it.each(GPU)('%s is a GPU', (renderer) => {
    expect(isSoftwareRenderer(renderer)).toBe(false);
  });
});

describe('softwareRendererName', () => {
  it('names the rasteriser, not the whole ANGLE string', () => {
    expect(softwareRendererName(SOFTWARE[0]!)).toBe('SwiftShader');
    expect(softwareRendererName(SOFTWARE[2]!)).toBe('llvmpipe');
    expect(softwareRendererName(SOFTWARE[5]!)).toBe('Microsoft Basic Render Driver');
    expect(softwareRendererName('Apple Software Renderer')).toBe('Apple Software Renderer');
  });
});
