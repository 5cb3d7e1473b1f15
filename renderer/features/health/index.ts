/** The site health check's Problems tab and its counts (electron/services/health/ checks). */
export { ProblemsPanel } from './ProblemsPanel.tsx';
export { useHealthSummary } from './useHealth.ts';
export type { Problem } from '../../../shared/health/checks.ts';
