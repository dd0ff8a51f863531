// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/editing/changenotifier.h"

namespace kopru {

ChangeNotifier *ChangeNotifier::instance()
{
    static ChangeNotifier notifier;
    return &notifier;
}

} // namespace kopru
