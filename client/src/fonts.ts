import { allText, lang } from "./lang.ts";

/** Loads the glyphs the current language needs before Phaser draws any text (canvas text cannot wait for fonts). */
export async function loadFonts(): Promise<void> {
  const sample = `${allText(lang())}0123456789$%.,−+—–·•×→■▲●◆★⬟✚`;
  await Promise.all([document.fonts.load(`16px "Noto Sans SC"`, sample), document.fonts.load(`bold 16px "Noto Sans SC"`, sample)]);
}
