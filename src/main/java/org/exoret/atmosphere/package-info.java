/** Model atmospheres: pressure grid, temperature profiles (Line et al. 2013), composition, hydrostatic radii. */
package org.exoret.atmosphere;
