/**
 * How the admin UI tells someone on another screen (or another tab) that work arrived: the open-task
 * count in the browser tab's title, and a short chime when they switched it on. Pure parts here; the
 * component (NewTaskAlert.tsx) polls with the inbox.
 */
const soundKey = 'omni.newTaskSound';

/** "(3) Omnichannel Ops": a tab in the background still shows that there is work. */
export function titleWithCount(baseTitle: string, openTasks: number): string {
  return openTasks > 0 ? `(${openTasks > 99 ? '99+' : openTasks}) ${baseTitle}` : baseTitle;
}

/** More open tasks than at the last poll: something new (a first poll is the starting point, not news). */
export function arrivedSince(previous: number | undefined, current: number): boolean {
  return previous !== undefined && current > previous;
}

export function newTaskSoundOn(): boolean {
  try {
    return globalThis.localStorage?.getItem(soundKey) === 'on';
  } catch {
    // Storage switched off (private mode): no chime, as by default.
    return false;
  }
}

export function setNewTaskSound(on: boolean): void {
  try {
    globalThis.localStorage?.setItem(soundKey, on ? 'on' : 'off');
  } catch {
    // Nothing to remember it in.
  }
}

/** Two short tones from the Web Audio API (no sound file to download); silent where audio is unavailable. */
export function playChime(): void {
  const AudioContextClass = globalThis.AudioContext as typeof AudioContext | undefined;
  if (AudioContextClass === undefined) return;
  const context = new AudioContextClass();
  [880, 1320].forEach((frequency, index) => {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    const start = context.currentTime + index * 0.18;
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.2, start);
    gain.gain.exponentialRampToValueAtTime(0.001, start + 0.15);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start);
    oscillator.stop(start + 0.16);
  });
  setTimeout(() => void context.close(), 600);
}
