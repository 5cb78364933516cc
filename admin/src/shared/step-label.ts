/** `SHORT_PICK` -> "Short pick": a readable fallback for a step the translations do not name yet. */
export function humanizeStep(step: string): string {
  const words = step.toLowerCase().replace(/[_:]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The translation key of a timeline step or a run's current step. */
export const stepKey = (step: string): string => `omni.step.${step}`;
