import * as migration_20261127_211332_initial from './20261127_211332_initial';

export const migrations = [
  {
    up: migration_20261127_211332_initial.up,
    down: migration_20261127_211332_initial.down,
    name: '20261127_211332_initial'
  },
];
