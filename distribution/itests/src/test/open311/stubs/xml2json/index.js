module.exports = { toJson: function () { throw new Error('XML is not used: Xinfang answers JSON'); } };
