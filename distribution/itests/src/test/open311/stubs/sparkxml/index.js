module.exports = { parseXml: function () { throw new Error('XML is not used: Xinfang answers JSON'); } };
