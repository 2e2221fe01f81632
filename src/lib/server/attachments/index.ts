// Files carried by notes (issue 3): upload, list, alt text, delete, download, and what the renderer shows of them.
export { uploadAttachment, tooLarge, type UploadInput } from './upload-attachment.ts';
export { listAttachments } from './list-attachments.ts';
export { updateAltText } from './update-alt-text.ts';
export { deleteAttachment } from './delete-attachment.ts';
export { openAttachment, type OpenedAttachment } from './open-attachment.ts';
export { findAttachmentFacts, type AttachmentFacts } from './render-facts.ts';
export { presentAttachment } from './present.ts';
export * from './schemas.ts';
