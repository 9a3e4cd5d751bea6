// The recipe photo's words, beside the module's strings.ts (one language for now).
export const photoStrings = {
  photo: 'Photo (optional)',
  replace: 'Replace the photo',
  hint: 'JPEG, PNG or WebP up to 10 MB. It is stored smaller (1,600 px) and without the location or other details the camera saved.',
  remove: 'Remove the photo',
  keep: 'Keep the photo',
  willRemove: 'The photo is removed when you save.',
  newPhoto: 'New photo, saved with the recipe.',
  tooLarge: (mb: string) => `This photo is ${mb} MB; pick one of at most 10 MB.`,
  notAnImage: 'Pick a photo in JPEG, PNG or WebP.',
  needsConnection: 'Adding or removing a photo needs a connection. Save without it, or try again when you are online.',
  recipeSavedPhotoNot: 'The recipe is saved, but the photo is not. Fix the photo and save again.',
  /** The image's alternative text on the recipe page. */
  alt: (title: string) => `Photo of ${title}`,
  preview: 'Preview of the photo',
};
