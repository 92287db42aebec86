/**
 * Leader reception days (领导接访日): the rota each unit keeps of the days its leaders receive visitors in
 * person, published ahead with time and place (R2022 Art. 18; R2005 Art. 10), and the record of each
 * session. The store interface lives here; the JDBC store implements it, the reception bundle serves it.
 */
package org.xinfang.reception;
