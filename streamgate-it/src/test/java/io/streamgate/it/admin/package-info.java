/** The admin API and the resource store across gateway instances: changes through one apply on every other. */
package io.streamgate.it.admin;
