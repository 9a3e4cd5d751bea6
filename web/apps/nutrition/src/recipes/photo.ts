// A recipe's photo, sent as the multipart form the other uploads use (field 'file'). It does not go through the
// offline queue: a photo of several MB is not kept in the browser to replay later, so it needs a connection.
import { ApiError, readProblem, type ApiClient, type components } from '@trackstack/api';

export type RecipePhoto = components['schemas']['RecipePhotoResponse'];

/** What the server takes; larger files are refused before sending (the server's own limit is the same by default). */
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

export async function putRecipePhoto(client: ApiClient, householdId: string, recipeId: string, file: Blob): Promise<RecipePhoto> {
  const form = new FormData();
  form.append('file', file, file instanceof File ? file.name : 'photo');
  let r: Response;
  try {
    r = await client.http.request(`/api/households/${encodeURIComponent(householdId)}/nutrition/recipes/${encodeURIComponent(recipeId)}/photo`, { method: 'PUT', body: form });
  } catch {
    throw new ApiError(0, null);
  }
  if (!r.ok) throw new ApiError(r.status, await readProblem(r));
  return (await r.json()) as RecipePhoto;
}
