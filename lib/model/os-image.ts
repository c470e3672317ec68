/**
 * An operating system image (`SMS_ImagePackage`, PackageType 257): a captured `.wim`. What an image
 * contains is fixed when it is captured (R7), and each baked-in set of setup properties needs its
 * own image (R8).
 */
import { Type, type Static } from '@sinclair/typebox';
import { packageIdentityFields } from './package-common';

export const WIM_PATH_PATTERN = '\\.[wW][iI][mM]$';

export const ImageIndexSchema = Type.Object(
  {
    index: Type.Integer({ minimum: 1, maximum: 64, description: 'Image index inside the file (1-based).' }),
    name: Type.String({ minLength: 1, maxLength: 127, description: 'Image or edition name.' }),
  },
  { additionalProperties: false },
);

export const OsImageSchema = Type.Object(
  {
    ...packageIdentityFields,
    sourcePath: Type.String({
      minLength: 1,
      maxLength: 255,
      pattern: WIM_PATH_PATTERN,
      description: 'UNC path of the captured `.wim` file.',
    }),
    images: Type.Optional(Type.Array(ImageIndexSchema, { maxItems: 64, description: 'The images the file holds, by index.' })),
    preinstalledApplications: Type.Optional(
      Type.Array(
        Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 50, description: 'Application name.' }),
            version: Type.Optional(Type.String({ maxLength: 32, description: 'Application version.' })),
            sysprepCapable: Type.Boolean({
              rule: 'R7',
              description: 'Whether the application survives Sysprep generalisation. Only such applications can be in an image (R7).',
            }),
          },
          { additionalProperties: false },
        ),
        {
          maxItems: 200,
          description: 'Applications captured into the image. Changing them means capturing a new image: the version must change too (R7).',
        },
      ),
    ),
    bakedProperties: Type.Optional(
      Type.String({
        maxLength: 1024,
        description: 'Installation or setup properties baked into the image. Each distinct set needs its own image (R8).',
      }),
    ),
  },
  { additionalProperties: false, description: 'A captured operating system image (`.wim`).' },
);
export type OsImage = Static<typeof OsImageSchema>;

/** The fields that describe what the image contains: changing any of them needs a new version (R7). */
export const OS_IMAGE_CONTENT_FIELDS = ['sourcePath', 'preinstalledApplications', 'bakedProperties'] as const;

