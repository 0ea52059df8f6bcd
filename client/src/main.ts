import "@fontsource/noto-sans-sc/400.css";
import "@fontsource/noto-sans-sc/700.css";
import "./style.css";
import * as Phaser from "phaser";
import { COLORS, H, W } from "./theme.ts";
import { lang, setLang, t } from "./lang.ts";
import { loadFonts } from "./fonts.ts";
import { getSession, onAnySession, resumeSaved } from "./net.ts";
import { TitleScene } from "./scenes/title.ts";
import { LobbyScene } from "./scenes/lobby.ts";
import { BoardScene } from "./scenes/board.ts";
import { RevealScene } from "./scenes/reveal.ts";
import { StatementsScene } from "./scenes/statements.ts";
import { EndScene } from "./scenes/end.ts";
import { ReplayScene } from "./scenes/replay.ts";
import { LibraryScene } from "./scenes/library.ts";
import { trackMyMatches } from "./library/mine.ts";
import { currentPage, onPageChange } from "./replay/route.ts";
import { prefetchReplay } from "./replay/load.ts";
import { route, routePage } from "./router.ts";
import { button } from "./ui.ts";
import { framesRendered, holdAwake, renderOnDemand, requestRender } from "./render-loop.ts";
import { TeacherScene } from "./scenes/teacher.ts";
import { ProjectorScene } from "./scenes/projector.ts";
import { StudentScene } from "./class/student-scene.ts";
import { currentClassPage } from "./class/route.ts";
import { installClassEntry } from "./class/entry.ts";

let lastStatus = "ok";
let okTimer = 0;

function renderBanner(): void {
  const s = getSession();
  const node = document.getElementById("net-banner");
  if (!node) return;
  const recovered = s.status === "ok" && lastStatus !== "ok";
  lastStatus = s.status;
  if (s.status === "ok") {
    if (recovered) {
      node.className = "ok";
      node.textContent = t("net.back");
      window.clearTimeout(okTimer);
      okTimer = window.setTimeout(() => {
        if (getSession().status === "ok") node.className = "";
      }, 2500);
    }
    return;
  }
  window.clearTimeout(okTimer);
  node.className = s.status;
  node.replaceChildren();
  if (s.status === "lost") node.textContent = t("net.lost");
  if (s.status === "failed") {
    node.append(
      t("net.failed"),
      button(t("net.retry"), "net-retry", () => {
        void s.rejoin().catch(() => undefined);
      }),
    );
  }
}

async function boot(): Promise<void> {
  // A replay link: fetch the file and the engine while fonts and Phaser load.
  const page = currentPage();
  if (page?.kind === "replay" && page.matchId) prefetchReplay(page.matchId);
  setLang(lang());
  // The screens are DOM text and need no preloaded glyphs; canvas text (a few scenes) gets them long before it draws.
  // The replay and library pages draw no canvas text: their glyphs wait until the page is up.
  if (page) window.setTimeout(() => void loadFonts(), 2000);
  else void loadFonts();
  // Phaser starts the first scene listed: the URL's own page (/replay/…, /library) when it has one.
  const cls = currentClassPage();
  const first =
    page?.kind === "replay"
      ? ReplayScene
      : page?.kind === "library"
        ? LibraryScene
        : cls?.kind === "teacher"
          ? TeacherScene
          : cls?.kind === "projector"
            ? ProjectorScene
            : cls?.kind === "student"
              ? StudentScene
              : TitleScene;
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent: "game",
    width: W,
    height: H,
    backgroundColor: COLORS.bg,
    dom: { createContainer: true },
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
    scene: [
      first,
      ...[
        TitleScene,
        LobbyScene,
        BoardScene,
        RevealScene,
        StatementsScene,
        EndScene,
        ReplayScene,
        LibraryScene,
        TeacherScene,
        ProjectorScene,
        StudentScene,
      ].filter((s) => s !== first),
    ],
    banner: false,
  });
  // A dashboard: the loop sleeps while nothing changes (render-loop.ts).
  renderOnDemand(game);
  (window as unknown as { __cp: unknown }).__cp = { game, session: getSession, frames: framesRendered, holdAwake };
  onAnySession(() => {
    renderBanner();
    route(game);
    requestRender();
  });
  // A reload (or a crash) during a match: back to the seat without a click (not over a replay page, nor
  // on the teacher console or the projector, which play no seat).
  if (!currentPage() && (!cls || cls.kind === "student")) void resumeSaved();
  onPageChange(() => {
    routePage(game);
    requestRender();
  });
  trackMyMatches();
  installClassEntry(game);
}

void boot();
