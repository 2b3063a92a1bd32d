import * as migration_20261127_205138_initial from './20261127_205138_initial';

export const migrations = [
  {
    up: migration_20261127_205138_initial.up,
    down: migration_20261127_205138_initial.down,
    name: '20261127_205138_initial'
  },
];
