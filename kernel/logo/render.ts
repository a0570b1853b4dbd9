// Renders the kernel's logo (logo-svg.svg) to the PNG sizes Jupyter shows (32 and 64 px),
// with Debian's Chromium. Run it after editing the SVG:
//   deno run -A kernel/logo/render.ts

import { chromium } from "playwright-core";

const dir = new URL("./", import.meta.url).pathname;
const svg = await Deno.readTextFile(`${dir}logo-svg.svg`);
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: Deno.uid() === 0 ? ["--no-sandbox"] : [],
});
try {
  const page = await browser.newPage();
  for (const size of [32, 64]) {
    await page.setViewportSize({ width: size, height: size });
    const sized = svg.replace('width="64" height="64"', `width="${size}" height="${size}"`);
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${sized}</body></html>`,
    );
    await page.screenshot({ path: `${dir}logo-${size}x${size}.png`, omitBackground: true });
  }
} finally {
  await browser.close();
}
