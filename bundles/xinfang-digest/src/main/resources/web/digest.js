(function(){}());
