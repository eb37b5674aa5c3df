/** BART-style INI configuration files. */
package org.exoret.config;
