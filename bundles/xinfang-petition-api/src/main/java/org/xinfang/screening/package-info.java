/**
 * Monthly screening of conflicts (矛盾纠纷排查): every department and township reports each month the hidden
 * conflicts and hot issues it found, on the form the district defines; the reports travel up, the district
 * sees who filed and who is late and may send a report back with comments (the seed plan's 定期信访排查制度;
 * statutory hook: periodic reporting, R2005 Art. 21, 39). The model and the store interface live here; the
 * JDBC store implements it, the screening bundle serves it.
 */
package org.xinfang.screening;
