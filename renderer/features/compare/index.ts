/** What other features use of the comparison: taking the disk's text into an open buffer. */
export { adoptDiskText } from './buffer-choices.ts';
