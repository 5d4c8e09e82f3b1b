package org.sitrep.intel;

import org.sitrep.testsupport.H2Database;

@H2Database
class EventSearchH2Test extends EventSearchContract {}
