import { existsSync, readFileSync, writeFileSync } from "node:fs";

/**
 * Writes a README screenshot only when its pixels changed, so an e2e run
 * that renders the same picture leaves git clean. The same renderer encodes
 * the same pixels to the same bytes, so comparing bytes compares pixels.
 */
export function writeScreenshotIfChanged(path: string, png: Buffer): boolean {
  if (existsSync(path) && readFileSync(path).equals(png)) return false;
  writeFileSync(path, png);
  return true;
}
